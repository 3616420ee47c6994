// §2.4 contextual words, `undefined`, `async`, `await` and words that begin with a keyword are identifiers
as = 1;
resource = 2;
allow = 3;
read = 4;
write = 5;
execute = 6;
network = 7;
system = 8;
undefined = 9;
async = 10;
await = 11;
print(as + resource + allow + read + write + execute + network + system + undefined + async + await); // expect: 66
true_value = "t";
fnord = "f";
iffy = "i";
nullable = "n";
returned = "r";
print(true_value + fnord + iffy + nullable + returned); // expect: tfinr
class = "c";
let = "l";
print(class + let); // expect: cl
function format_it(is) {
    return "<" + is + ">";
}
print(format_it("x")); // expect: <x>
