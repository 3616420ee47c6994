import geometry; // §16.16 an ML module (verbatim; run as main.ml with geometry.ml beside it)
import geometry as g;
print(geometry.area(2), g.area(1), g.calls, g == geometry, typeof(g));
print(geometry);
// expect: geometry loaded
// expect: 12 3 2 true module
// expect: <module geometry>
