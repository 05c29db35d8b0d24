"""The extraction rules, one module per step of the pipeline (see pipeline.STEPS)."""
