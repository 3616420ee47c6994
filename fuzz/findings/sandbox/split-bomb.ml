parts = (" " * 100000000).split(" ");
