-- strings: string building, join, split, word counting and substring counting
-- (see strings.ml). Lua has no split or count, so they are written with
-- string.find in plain mode, the usual Lua idiom.

local function split(text, sep)
    local parts = {}
    local start = 1
    while true do
        local i, j = string.find(text, sep, start, true)
        if i == nil then
            parts[#parts + 1] = string.sub(text, start)
            return parts
        end
        parts[#parts + 1] = string.sub(text, start, i - 1)
        start = j + 1
    end
end

local function count(text, sub)
    local n = 0
    local start = 1
    while true do
        local i, j = string.find(text, sub, start, true)
        if i == nil then
            return n
        end
        n = n + 1
        start = j + 1
    end
end

local function build_text(n)
    local words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
    local parts = {}
    local seed = 7
    for i = 0, n - 1 do
        seed = (seed * 1103515245 + 12345) % 2147483648
        parts[#parts + 1] = words[seed // 65536 % 8 + 1] .. (i % 10)
    end
    return table.concat(parts, " ")
end

local function main()
    local text = build_text(200000)
    local tokens = split(text, " ")
    local counts = {}
    local total_length = 0
    local shouted = 0
    for _, t in ipairs(tokens) do
        counts[t] = (counts[t] or 0) + 1
        total_length = total_length + #t
        if string.sub(t, 1, 1) == "t" then
            if string.upper(t) == "THETA0" then
                shouted = shouted + 1
            end
        end
    end
    local names = {}
    for name in pairs(counts) do
        names[#names + 1] = name
    end
    table.sort(names)
    print(#text .. " " .. #tokens .. " " .. #names .. " " .. names[1] .. " " .. names[#names])
    print(counts["alpha0"] .. " " .. counts["theta9"] .. " " .. total_length .. " " .. shouted
        .. " " .. count(text, "eta"))
end

main()
