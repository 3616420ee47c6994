-- dict: 200,000 string-keyed inserts then 200,000 lookups (see dict.ml).

local function main()
    local n = 200000
    local d = {}
    for i = 0, n - 1 do
        d["k" .. i] = i
    end
    local total = 0
    for i = 0, n - 1 do
        -- 7 and n are coprime, so this visits every key exactly once.
        total = total + d["k" .. (i * 7) % n]
    end
    print(total .. " " .. d["k12345"])
end

main()
