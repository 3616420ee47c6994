-- range_loop: a 5-million-iteration numeric for loop that sums (see range_loop.ml).
-- `for i = 0, n - 1` is Lua's counterpart of `for (i in range(n))`.

local function main()
    local n = 5000000
    local total = 0
    local odd = 0
    for i = 0, n - 1 do
        total = total + i
        odd = odd + i % 2
    end
    print(total .. " " .. odd)
end

main()
