-- quicksort: list-based quicksort of 200,000 pseudo-random ints (see quicksort.ml).
-- Lua tables are 1-based; `items[n // 2 + 1]` is the same element as ML's
-- `items[len(items) // 2]`. `concat3` plays the part of ML's / Python's `a + b + c`
-- (a new list holding copies of the three parts; table.move copies in C, as the
-- other two languages do).

local function make_data(n, seed)
    local items = {}
    for i = 0, n - 1 do
        seed = (seed * 1103515245 + 12345) % 2147483648
        items[#items + 1] = seed // 16 % 1000000
    end
    return items
end

local function concat3(a, b, c)
    local result = {}
    table.move(a, 1, #a, 1, result)
    table.move(b, 1, #b, #result + 1, result)
    table.move(c, 1, #c, #result + 1, result)
    return result
end

local function quicksort(items)
    local n = #items
    if n <= 1 then
        return items
    end
    local pivot = items[n // 2 + 1]
    local less, equal, greater = {}, {}, {}
    for _, x in ipairs(items) do
        if x < pivot then
            less[#less + 1] = x
        elseif x > pivot then
            greater[#greater + 1] = x
        else
            equal[#equal + 1] = x
        end
    end
    return concat3(quicksort(less), equal, quicksort(greater))
end

local function main()
    local data = make_data(200000, 2024)
    local result = quicksort(data)
    -- Check the order and fold the sorted values into a checksum.
    local ordered = "sorted"
    local checksum = 0
    local previous = result[1]
    for _, x in ipairs(result) do
        if x < previous then
            ordered = "NOT SORTED"
        end
        previous = x
        checksum = (checksum * 31 + x) % 1000000007
    end
    print(#result .. " " .. result[1] .. " " .. result[#result] .. " " .. checksum .. " " .. ordered)
end

main()
