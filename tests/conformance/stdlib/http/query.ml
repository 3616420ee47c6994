// §12.12 http: encodeQuery and parseQuery (spaces as +, repeated keys as arrays)
import http;
print(http.encodeQuery({q: "a b", lang: "en"})); // expect: q=a+b&lang=en
print(http.encodeQuery({"k y": "v&w=x/y", "é": "😀"})); // expect: k+y=v%26w%3Dx%2Fy&%C3%A9=%F0%9F%98%80
print(http.encodeQuery({n: 3, f: 2.5, t: true, tags: ["a", "b c"]})); // expect: n=3&f=2.5&t=true&tags=a&tags=b+c
print(http.encodeQuery({}) == ""); // expect: true
print(http.parseQuery("q=a+b&lang=en")); // expect: {"q": "a b", "lang": "en"}
print(http.parseQuery("?a=1&b=%C3%A9&a=2&a=3")); // expect: {"a": ["1", "2", "3"], "b": "é"}
print(http.parseQuery("flag&x=&=v&&y=1=2")); // expect: {"flag": "", "x": "", "": "v", "y": "1=2"}
print(http.parseQuery(""), http.parseQuery("?")); // expect: {} {}
o = {q: "a b&c", list: ["1", "2"], e: "é"};
print(http.parseQuery(http.encodeQuery(o)) == o); // expect: true
try { http.encodeQuery({a: null}); } except (e) { print(e.type, e.message); }
// expect: ValueError `http.encodeQuery`: the value of `a` is null; a query value is a string, a number, a boolean or an array of them
try { http.encodeQuery({a: [{}]}); } except (e) { print(e.type); }
// expect: ValueError
try { http.encodeQuery("a=b"); } except (e) { print(e.type, e.message); }
// expect: TypeError `http.encodeQuery` expects an object for `obj`, got string
try { http.parseQuery("a=%G1"); } except (e) { print(e.type, e.message); }
// expect: ValueError `http.parseQuery`: `%G1` at position 2 is not a percent-encoded byte (%XX)
try { http.parseQuery(null); } except (e) { print(e.type); }
// expect: TypeError
