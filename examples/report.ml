// report.ml — a sales report over nested data: orders with customers and
// line items, totals per customer and per product, formatted as text tables.
// Shows: arrays of objects, nested member access, objects as grouping maps,
// sorting [key, value] pairs, format() specifications, ljust/rjust/center.
// Run: cargo run --release -- run examples/report.ml

orders = [
    {id: 1001, customer: {name: "Ada Lovelace", city: "London"}, items: [
        {product: "Notebook", qty: 3, price: 4.5},
        {product: "Pen", qty: 10, price: 1.25}]},
    {id: 1002, customer: {name: "Alan Turing", city: "Manchester"}, items: [
        {product: "Slide rule", qty: 1, price: 39.9}]},
    {id: 1003, customer: {name: "Ada Lovelace", city: "London"}, items: [
        {product: "Ink", qty: 2, price: 7.8},
        {product: "Notebook", qty: 1, price: 4.5}]},
    {id: 1004, customer: {name: "Grace Hopper", city: "New York"}, items: [
        {product: "Pen", qty: 25, price: 1.25},
        {product: "Compiler manual", qty: 1, price: 129.0},
        {product: "Ink", qty: 1, price: 7.8}]},
    {id: 1005, customer: {name: "Alan Turing", city: "Manchester"}, items: []}
];

TAX_RATE = 0.2;
WIDTH = 52;

function order_total(order) {
    total = 0.0;
    for (item in order.items) {
        total = total + item.qty * item.price;
    }
    return total;
}

function money(amount) {
    return format(amount, ",.2f").rjust(10);
}

function rule(ch) {
    return ch * WIDTH;
}

// Group order totals by customer name, remembering each customer's city.
customers = {};
for (order in orders) {
    name = order.customer.name;
    if (!hasattr(customers, name)) {
        customers[name] = {city: order.customer.city, orders: 0, total: 0.0};
    }
    entry = customers[name];
    entry.orders = entry.orders + 1;
    entry.total = entry.total + order_total(order);
}

// Quantities and revenue per product.
products = {};
for (order in orders) {
    for (item in order.items) {
        if (!hasattr(products, item.product)) {
            products[item.product] = {qty: 0, revenue: 0.0};
        }
        p = products[item.product];
        p.qty = p.qty + item.qty;
        p.revenue = p.revenue + item.qty * item.price;
    }
}

print("SALES REPORT".center(WIDTH));
print(rule("="));
print("Customer".ljust(15) + "City".ljust(11) + "Orders".rjust(6) + "Net".rjust(10)
    + "Gross".rjust(10));
print(rule("-"));
grand = 0.0;
for (name in customers) {
    c = customers[name];
    grand = grand + c.total;
    print(name.ljust(15) + c.city.ljust(11) + format(c.orders, ">6") + money(c.total)
        + money(c.total * (1 + TAX_RATE)));
}
print(rule("-"));
print("Total (net)".ljust(42) + money(grand));
print(("Tax " + format(TAX_RATE, ".0%")).ljust(42) + money(grand * TAX_RATE));
print("Total (gross)".ljust(42) + money(grand * (1 + TAX_RATE)));

// Products by revenue, highest first.
ranking = [];
for (product in products) {
    ranking.append([-products[product].revenue, product]);
}
print();
print("Top products".center(WIDTH, "~"));
for (entry in enumerate(sorted(ranking), 1)) {
    [rank, pair] = entry;
    [negative, product] = pair;
    share = -negative / grand;
    print(format(rank, ">2") + ". " + product.ljust(18) + format(products[product].qty, ">4")
        + " pcs" + money(-negative) + format(share, ">12.1%"));
}

// Orders without items, and the largest single order.
empty = [];
largest = orders[0];
for (order in orders) {
    if (len(order.items) == 0) {
        empty.append(order.id);
    }
    if (order_total(order) > order_total(largest)) {
        largest = order;
    }
}
print();
print("empty orders:", empty);
print("largest order: #" + largest.id, "by", largest.customer.name, "=",
    format(order_total(largest), ".2f"));
