"""Settings modules: base (shared), dev, test and prod. Each reads the environment."""
