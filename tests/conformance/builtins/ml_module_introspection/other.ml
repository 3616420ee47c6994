// A second module that is never imported.
x = 1;
