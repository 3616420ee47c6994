// §2.6 escape sequences are processed; unknown escapes keep their backslash
print(len("a\nb"), len("\t"), len("\r"), len("\0"), len("\\")); // expect: 3 1 1 1 1
print("\x41\u0042\u{43}", "\x6a\x6A", "\u{1F600}" == "😀", len("\u{1F600}"), len("\u{0}")); // expect: ABC jj true 1 1
print(len("\012"), "\012" == "\0" + "12"); // expect: 3 true
print("C:\\dir", 'it\'s', "say \"hi\"", "\'", '\"'); // expect: C:\dir it's say "hi" ' "
print("\d+", len("\d+"), "\d+" == "\\d+"); // expect: \d+ 3 true
print("\b\w\s\1\.", len("\b"), len("\q")); // expect: \b\w\s\1\. 2 2
print("\u00e9" == "é", "\u00E9" == "\xe9", "\u{E9}" == "é", "\u{000041}" == "A"); // expect: true true true true
print("tab[\t]"); // expect: tab[	]
print("a\nb");
// expect: a
// expect: b
print(repr("\0"), repr("\x01"), repr("\x1f"), repr("\x0b")); // expect: "\u0000" "\u0001" "\u001f" "\u000b"
print(repr("\x08\x0c\n\r\t"), repr("\b\f")); // expect: "\b\f\n\r\t" "\\b\\f"
