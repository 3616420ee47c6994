// §9.1 twenty thousand syntax errors: the number of diagnostics printed is capped (stderr stays small)
// args: --timeout 20
// exit: 65
@{20000*x = = ;
}@
