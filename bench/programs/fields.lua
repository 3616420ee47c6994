-- fields: 2 million iterations updating two fields of one table (see fields.ml).

local function main()
    local p = {x = 0, y = 0, name = "point"}
    local n = 2000000
    local i = 0
    while i < n do
        p.x = p.x + 1
        p.y = p.y + p.x % 7
        i = i + 1
    end
    print(p.x .. " " .. p.y)
end

main()
