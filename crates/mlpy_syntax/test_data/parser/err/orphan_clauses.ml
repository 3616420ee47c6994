else {
    x = 1;
}
elif (a) {
}
except (e) {
}
finally {
}
if (a) {
};
else {
}
