/// Writes JSON straight into a growable byte buffer, for large answers on hot paths (the
/// simulation's 240-line schedule): no intermediate tree, constant keys copied as they are,
/// integers formatted in place, no per-byte bounds or uniqueness checks. Commas are managed by
/// the writer (nesting depth up to 64). Local use only: not shared between tasks.
public final class JSONStreamWriter {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// Bit d set: the container at depth d already holds a member.
    private var members: UInt64 = 0
    private var depth = 0
    private var afterKey = false

    public init(capacity: Int = 4096) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always) private func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < count + n { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    @inline(__always) private func put(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    private func put(_ buffer: UnsafeBufferPointer<UInt8>) {
        reserve(buffer.count)
        if let src = buffer.baseAddress { (base + count).update(from: src, count: buffer.count) }
        count += buffer.count
    }

    @inline(__always) private func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        let bit: UInt64 = 1 << UInt64(depth - 1)
        if members & bit != 0 { put(0x2C) } else { members |= bit }
    }

    private func open(_ byte: UInt8) {
        separate()
        put(byte)
        depth += 1
        precondition(depth <= 64, "JSON nesting deeper than 64")
        members &= ~(1 << UInt64(depth - 1))
    }

    public func beginObject() { open(0x7B) }
    public func endObject() {
        put(0x7D)
        depth -= 1
    }
    public func beginArray() { open(0x5B) }
    public func endArray() {
        put(0x5D)
        depth -= 1
    }

    /// A key known at compile time: plain ASCII without characters to escape.
    public func key(_ k: StaticString) {
        separate()
        reserve(k.utf8CodeUnitCount + 3)
        base[count] = 0x22
        count += 1
        (base + count).update(from: k.utf8Start, count: k.utf8CodeUnitCount)
        count += k.utf8CodeUnitCount
        base[count] = 0x22
        base[count + 1] = 0x3A
        count += 2
        afterKey = true
    }

    public func string(_ s: String) {
        separate()
        var s = s
        let clean: Bool = s.withUTF8 { buf in
            if buf.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return false }
            put(0x22)
            put(buf)
            put(0x22)
            return true
        }
        if !clean {
            var escaped: [UInt8] = []
            JSONValue.escape(s, into: &escaped)
            escaped.withUnsafeBufferPointer { put($0) }
        }
    }

    public func bool(_ b: Bool) {
        separate()
        var s = b ? "true" : "false"
        s.withUTF8 { put($0) }
    }

    public func null() {
        separate()
        reserve(4)
        for c: UInt8 in [0x6E, 0x75, 0x6C, 0x6C] {
            base[count] = c
            count += 1
        }
    }

    public func int(_ v: Int64) {
        separate()
        reserve(20)
        if v < 0 {
            base[count] = 0x2D
            count += 1
        }
        var m = v.magnitude
        var n = 1
        var probe = m
        while probe >= 10 {
            probe /= 10
            n += 1
        }
        var i = count + n - 1
        repeat {
            base[i] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
            m /= 10
            i -= 1
        } while m > 0
        count += n
    }
    public func int(_ v: Int) { int(Int64(v)) }

    // Key-value conveniences.
    public func field(_ k: StaticString, _ v: String) {
        key(k)
        string(v)
    }
    public func field(_ k: StaticString, _ v: Int64) {
        key(k)
        int(v)
    }
    public func field(_ k: StaticString, _ v: Int) {
        key(k)
        int(Int64(v))
    }
    public func field(_ k: StaticString, _ v: Bool) {
        key(k)
        bool(v)
    }
    public func nullField(_ k: StaticString) {
        key(k)
        null()
    }
}
