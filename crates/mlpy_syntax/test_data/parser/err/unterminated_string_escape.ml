s = 'ends with a backslash\
