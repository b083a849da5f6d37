"""Reports: render what the loaders and analyses returned. Never computes a finding."""
