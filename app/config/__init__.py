"""Machine-wide preset configuration (``fuwutai.toml``) and the program's build information. Headless."""
