// §5.5 §5.6 NaN is equal to nothing and every ordering involving it is false
nan = float("nan");
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan >= 0); // expect: false true false false false false
x = [nan];
print(x == x, [nan] == [nan], [1, nan] != [1, nan], {k: nan} == {k: nan}); // expect: false false true false
print([nan] < [nan], [nan] > [nan], [1, nan] < [1, 2]); // expect: false false false
print(nan == 1e400 - 1e400, 1 < nan || nan < 1); // expect: false false
