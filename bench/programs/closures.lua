-- closures: 1 million closures created and called (see closures.ml).

local function make_counter()
    local count = 0
    return function()
        count = count + 1
        return count
    end
end

local function main()
    local make_adder = function(x)
        return function(y) return x + y end
    end
    local counter = make_counter()
    local n = 1000000
    local total = 0
    for i = 0, n - 1 do
        local add = make_adder(i % 100)
        total = (total + add(i) + counter()) % 1000000007
    end
    print(total .. " " .. counter())
end

main()
