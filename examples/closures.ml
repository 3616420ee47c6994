// closures.ml — objects built from closures: a bank account, a counter and a
// stack, each an object whose entries are functions sharing private state.
// Shows: closures capturing variables by reference, `nonlocal`, arrow
// functions with expression and block bodies, objects of functions called with
// method syntax, throw/except for invalid operations, function composition.
// Run: cargo run --release -- run examples/closures.ml

// A bank account: `balance` and `history` are private to these functions.
function make_account(owner, balance) {
    history = [];
    function record(kind, amount) {
        history.append(kind + " " + amount + " -> " + balance);
    }
    return {
        owner: owner,
        deposit: fn(amount) => {
            nonlocal balance;
            if (amount <= 0) {
                throw {message: "deposit must be positive", amount: amount};
            }
            balance = balance + amount;
            record("deposit", amount);
            return balance;
        },
        withdraw: fn(amount) => {
            nonlocal balance;
            if (amount > balance) {
                throw {message: "insufficient funds", needed: amount - balance};
            }
            balance = balance - amount;
            record("withdraw", amount);
            return balance;
        },
        balance: fn() => balance,
        history: fn() => history.copy()
    };
}
acct = make_account("Ada", 100);
acct.deposit(50);
acct.withdraw(30);
try {
    acct.withdraw(500);
} except (e) {
    print("refused:", e.message, "(short by " + e.needed + ")");
}
try {
    acct.deposit(-5);
} except (e) {
    print("refused:", e.message, e.amount);
}
print(acct.owner, "has", acct.balance());
print("history:", acct.history());

// A counter with a configurable step. Each call of make_counter has its own `n`.
function make_counter(start, step) {
    n = start;
    return {
        next: fn() => {
            nonlocal n;
            n = n + step;
            return n;
        },
        peek: fn() => n,
        reset: fn() => {
            nonlocal n;
            n = start;
        }
    };
}
tens = make_counter(0, 10);
odds = make_counter(-1, 2);
tens.next();
tens.next();
print("tens:", tens.peek(), "odds:", odds.next(), odds.next(), odds.next());
tens.reset();
print("after reset:", tens.peek(), "odds still:", odds.peek());

// A stack backed by a captured array.
function make_stack() {
    items = [];
    return {
        push: fn(x) => items.append(x),
        pop: fn() => items.length > 0 ? items.pop() : null,
        peek: fn() => items.length > 0 ? items[-1] : null,
        size: fn() => len(items)
    };
}
stack = make_stack();
for (ch in "([{") {
    stack.push(ch);
}
print("stack size:", stack.size(), "top:", stack.peek());
popped = [];
while (stack.size() > 0) {
    popped.append(stack.pop());
}
print("popped:", "".join(popped), "then:", stack.pop());

// Functions that build functions.
compose = fn(f, g) => fn(x) => f(g(x));
add = fn(a) => fn(b) => a + b;
double = fn(x) => x * 2;
add_then_double = compose(double, add(3));
double_then_add = compose(add(1), double);
print("compose:", add_then_double(4), double_then_add(4));

// Closures made in a loop all see the loop variable's final value; a factory
// call gives each closure its own variable.
late = [];
bound = [];
for (i in range(3)) {
    late.append(fn() => i);
    bound.append(add(i));
}
results = [];
for (k in range(3)) {
    [f, g] = [late[k], bound[k]];
    results.append([f(), g(100)]);
}
print("late vs bound:", results);
