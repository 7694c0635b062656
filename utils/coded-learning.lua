-- SPDX-License-Identifier: GPL-2.0-only
--
-- Wireshark / tshark dissector for the coded-learning header (model/wire/coded-learning-header.h,
-- doc/wire-format.rst): 30 bytes, big-endian, in front of every chunk the parameter server and
-- the workers exchange.
--
--   tshark -X lua_script:utils/coded-learning.lua -r results/sim/coded-learning-0-1.pcap -V
--   tshark -X lua_script:utils/coded-learning.lua -r file.pcap -Y 'codedlearning.type == 3' \
--          -T fields -e frame.time_relative -e codedlearning.worker -e codedlearning.iteration
--   wireshark -X lua_script:utils/coded-learning.lua file.pcap   (or copy it into the personal
--          plugins folder, ~/.local/lib/wireshark/plugins/)
--
-- Covered: UDP (one chunk per datagram) and TCP (chunks are frames of the byte stream,
-- reassembled across segments with dissect_tcp_pdus), on the port of the preference
-- "codedlearning.port" (default 9000, CodedLearningHelper's default; change it in
-- Preferences or with -o codedlearning.port:N). Not covered: the ideal network (no packets),
-- the payload contents (model/task/result encodings are shown as bytes, not decoded), except
-- the first field of a RESULT: the worker's compute time (f64 little-endian, seconds), shown
-- in the chunk at offset 0 as codedlearning.compute_time.

local cl = Proto("codedlearning", "Coded Learning")

local HEADER_SIZE = 30
local MAGIC = 0x434C
local DEFAULT_PORT = 9000
local PT_TCP = 2 -- in Wireshark's port_type enum (PT_NONE, PT_SCTP, PT_TCP, PT_UDP, ...)

local type_names = {
    [1] = "MODEL", [2] = "TASK", [3] = "RESULT", [4] = "CANCEL",
    [5] = "NACK", [6] = "REPORT", [7] = "GRANT", [8] = "HELLO",
}

local f = {
    magic = ProtoField.uint16("codedlearning.magic", "Magic", base.HEX),
    version = ProtoField.uint8("codedlearning.version", "Version", base.DEC),
    type = ProtoField.uint8("codedlearning.type", "Message type", base.DEC, type_names),
    iteration = ProtoField.uint32("codedlearning.iteration", "Iteration", base.DEC),
    worker = ProtoField.uint16("codedlearning.worker", "Worker", base.DEC),
    stage = ProtoField.uint8("codedlearning.stage", "Stage", base.DEC),
    flags = ProtoField.uint8("codedlearning.flags", "Flags", base.HEX),
    flag_float32 = ProtoField.bool("codedlearning.flags.float32", "FLOAT32", 8, nil, 0x01),
    flag_retx = ProtoField.bool("codedlearning.flags.retransmission", "RETRANSMISSION", 8, nil,
                                0x02),
    task = ProtoField.uint16("codedlearning.task", "Task id", base.DEC),
    chunk_index = ProtoField.uint16("codedlearning.chunk_index", "Chunk index", base.DEC),
    chunk_count = ProtoField.uint16("codedlearning.chunk_count", "Chunk count", base.DEC),
    chunk_offset = ProtoField.uint32("codedlearning.chunk_offset", "Chunk offset", base.DEC),
    message_length = ProtoField.uint32("codedlearning.message_length", "Message length",
                                       base.DEC),
    payload_length = ProtoField.uint32("codedlearning.payload_length", "Payload length",
                                       base.DEC),
    payload = ProtoField.bytes("codedlearning.payload", "Payload"),
    compute_time = ProtoField.double("codedlearning.compute_time", "Compute time (s)"),
}
cl.fields = f

local e_bad = ProtoExpert.new("codedlearning.invalid", "Invalid coded-learning header",
                              expert.group.MALFORMED, expert.severity.ERROR)
cl.experts = { e_bad }

cl.prefs.port = Pref.uint("Port", DEFAULT_PORT, "UDP and TCP port of server and workers")

-- The length of the frame starting at offset (header + payload), for dissect_tcp_pdus.
local function frame_length(tvb, pinfo, offset)
    return HEADER_SIZE + tvb(offset + 26, 4):uint()
end

-- The header's fields in wire order: name in f, offset, size in bytes.
local LAYOUT = {
    { "magic", 0, 2 }, { "version", 2, 1 }, { "type", 3, 1 }, { "iteration", 4, 4 },
    { "worker", 8, 2 }, { "stage", 10, 1 }, { "flags", 11, 1 }, { "task", 12, 2 },
    { "chunk_index", 14, 2 }, { "chunk_count", 16, 2 }, { "chunk_offset", 18, 4 },
    { "message_length", 22, 4 }, { "payload_length", 26, 4 },
}

-- Dissects one chunk (header + payload) at the start of tvb; returns the bytes consumed.
local function dissect_chunk(tvb, pinfo, root)
    if tvb:len() < HEADER_SIZE or tvb(0, 2):uint() ~= MAGIC then
        return 0
    end
    local v = {} -- the header's values by field name
    for _, field in ipairs(LAYOUT) do
        v[field[1]] = tvb(field[2], field[3]):uint()
    end
    local total = HEADER_SIZE + v.payload_length
    local tree = root:add(cl, tvb(0, math.min(total, tvb:len())))
    for _, field in ipairs(LAYOUT) do
        local item = tree:add(f[field[1]], tvb(field[2], field[3]))
        if field[1] == "flags" then
            item:add(f.flag_float32, tvb(field[2], field[3]))
            item:add(f.flag_retx, tvb(field[2], field[3]))
        end
    end
    if v.payload_length > 0 and tvb:len() > HEADER_SIZE then
        tree:add(f.payload, tvb(HEADER_SIZE, math.min(v.payload_length, tvb:len() - HEADER_SIZE)))
    end
    -- A RESULT payload starts with the worker's compute time (doc/wire-format.rst).
    if v.type == 3 and v.chunk_offset == 0 and v.payload_length >= 8 and
        tvb:len() >= HEADER_SIZE + 8 then
        tree:add_le(f.compute_time, tvb(HEADER_SIZE, 8))
    end
    local name = type_names[v.type] or "UNKNOWN"
    -- Worker 65535 (ALL_WORKERS): a MODEL broadcast to every worker, or a repair chunk of it.
    local worker = v.worker == 65535 and "all" or tostring(v.worker)
    local summary = string.format("%s it=%d w=%s st=%d task=%d chunk=%d/%d off=%d len=%d/%d",
        name, v.iteration, worker, v.stage, v.task, v.chunk_index, v.chunk_count,
        v.chunk_offset, v.payload_length, v.message_length)
    tree:append_text(", " .. summary)
    -- The rules of CodedLearningHeader::Deserialize that concern single fields.
    local problems = {}
    if v.version ~= 1 then problems[#problems + 1] = "version is not 1" end
    if type_names[v.type] == nil then problems[#problems + 1] = "message type not in 1..8" end
    if bit.band(v.flags, 0xFC) ~= 0 then problems[#problems + 1] = "unknown flags" end
    if v.chunk_count == 0 then
        problems[#problems + 1] = "chunk count is 0"
    elseif v.chunk_index >= v.chunk_count then
        problems[#problems + 1] = "chunk index >= chunk count"
    end
    if v.chunk_offset + v.payload_length > v.message_length then
        problems[#problems + 1] = "offset + payload length > message length"
    end
    if pinfo.port_type ~= PT_TCP and tvb:len() ~= total then
        problems[#problems + 1] = string.format("datagram holds %d bytes after the header, "
            .. "payload length says %d", tvb:len() - HEADER_SIZE, v.payload_length)
    end
    if #problems > 0 then
        tree:add_proto_expert_info(e_bad, "Invalid coded-learning header: " ..
                                            table.concat(problems, "; "))
    end
    -- Info column: one summary per chunk (several when a TCP segment carries several frames).
    -- (append, not set: TCP fences the column between frames of one segment)
    if pinfo.private.cl_seen == "1" then
        pinfo.cols.info:append(" | " .. summary)
    else
        pinfo.cols.info:set(summary)
        pinfo.private.cl_seen = "1"
    end
    pinfo.cols.protocol:set("CodedLearning")
    return math.min(total, tvb:len())
end

local function dissect_tcp_frame(tvb, pinfo, root)
    return dissect_chunk(tvb, pinfo, root)
end

function cl.dissector(tvb, pinfo, root)
    if tvb:len() < 2 or tvb(0, 2):uint() ~= MAGIC then
        return 0
    end
    if pinfo.port_type == PT_TCP then -- TCP: frames of a byte stream
        dissect_tcp_pdus(tvb, root, HEADER_SIZE, frame_length, dissect_tcp_frame, true)
        return tvb:len()
    end
    return dissect_chunk(tvb, pinfo, root)
end

local registered_port = nil
local function register_port(port)
    local udp = DissectorTable.get("udp.port")
    local tcp = DissectorTable.get("tcp.port")
    if registered_port then
        udp:remove(registered_port, cl)
        tcp:remove(registered_port, cl)
    end
    udp:add(port, cl)
    tcp:add(port, cl)
    registered_port = port
end

function cl.prefs_changed()
    if cl.prefs.port ~= registered_port then
        register_port(cl.prefs.port)
    end
end

register_port(DEFAULT_PORT)
