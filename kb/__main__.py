"""`python -m kb`: the same as the `kb` command."""

from .launch import main

main()
