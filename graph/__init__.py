"""The responsibility graph and the analyses over it: pure functions returning plain data."""
