// a module beside the case, for the suggestion
value = 1;
