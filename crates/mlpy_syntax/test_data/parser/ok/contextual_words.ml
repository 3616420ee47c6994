// Contextual keywords and other words are ordinary identifiers (spec §2.4).
as = 1;
resource = 2;
allow = 3;
read = allow + resource;
write = network(system, execute);
undefined = builtin;
str = async + await;
true_value = format(fnord, iffy);
