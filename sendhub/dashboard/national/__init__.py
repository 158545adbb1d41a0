"""The national data: DfE files, their markers, the indicator catalogue and the shipped copy's vendoring."""
