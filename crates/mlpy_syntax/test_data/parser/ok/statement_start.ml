// Statements starting with `{` or `[` that are not destructurings (spec §3.2).
{a: 1};
{};
{"k": 1};
{a: 1}.a;
[1, 2];
[a, b];
[a, b][0];
[1][0] = 2;
[a, b] == c;
