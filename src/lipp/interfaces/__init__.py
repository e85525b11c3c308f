"""Interfaces: turn requests into commands and results into output, nothing else."""
