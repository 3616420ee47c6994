// §14.5 a denied read of a path of 10 million components: linear (resolving copied the whole path for each component, a hang), its copies reserved
// args: --max-memory 64M --timeout 10
// exit: 1 75
import file;
x = file.read("z/" * 10000000);
