# a shell-style comment
x = 1; # another
