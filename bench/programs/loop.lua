-- loop: a 10-million-iteration while loop with integer arithmetic (see loop.ml).

local function main()
    local n = 10000000
    local i = 0
    local total = 0
    while i < n do
        total = (total * 31 + i) % 1000000007
        i = i + 1
    end
    print(total)
end

main()
