a = [1, 2, ];
b = {a: 1, };
c = f(1, );
function g(x, ) {
}
nonlocal p, ;
[d, e, ] = a;
