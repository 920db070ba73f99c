import Foundation
import GuichetZlib

/// Reads the entries of a ZIP archive held in memory, for the XLSX reader, with every offset and
/// size checked against the data and inflation bounded: the input of an entry is exactly its
/// compressed bytes, the output stops at the caller's limit, a stream that does not end within
/// its bytes is an error, and the CRC-32 is verified. (ZIPFoundation, which the writer uses,
/// trusts damaged headers: its in-memory reader traps and its Linux inflate loop can wait
/// forever on a truncated stream; the mutation tests found both.) ZIP64 is refused: a
/// programming table never needs it.
struct ZIPArchiveReader {
    struct Entry {
        let path: String
        let method: Int
        let crc32: UInt32
        let compressed: Range<Int>
        let uncompressedSize: Int
    }

    enum Failure: Error, Equatable { case damaged, unsupported, tooLarge }

    let data: Data
    private(set) var entries: [String: Entry] = [:]
    static let maxEntries = 10_000

    init(_ data: Data) throws(Failure) {
        self.data = data
        let parsed: [Entry]? = data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            let n = b.count
            func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= n ? Int(b[at]) | Int(b[at + 1]) << 8 : nil }
            func u32(_ at: Int) -> Int? {
                guard at >= 0, at + 4 <= n else { return nil }
                return Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 | Int(b[at + 3]) << 24
            }
            var eocd = -1
            var k = n - 22
            while k >= max(0, n - 22 - 65_535) {
                if u32(k) == 0x0605_4B50 {
                    eocd = k
                    break
                }
                k -= 1
            }
            guard eocd >= 0, let count = u16(eocd + 10), let cdSize = u32(eocd + 12), let cdOffset = u32(eocd + 16),
                count <= Self.maxEntries, cdSize != 0xFFFF_FFFF, cdOffset != 0xFFFF_FFFF, cdOffset + cdSize <= eocd
            else { return nil }
            var out: [Entry] = []
            var at = cdOffset
            for _ in 0..<count {
                guard u32(at) == 0x0201_4B50, let method = u16(at + 10), let crc = u32(at + 16),
                    let compressed = u32(at + 20),
                    let uncompressed = u32(at + 24), let nameLength = u16(at + 28), let extraLength = u16(at + 30),
                    let commentLength = u16(at + 32), let local = u32(at + 42),
                    compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF
                else { return nil }
                let next = at + 46 + nameLength + extraLength + commentLength
                guard next <= cdOffset + cdSize else { return nil }
                let path = String(
                    decoding: UnsafeBufferPointer(rebasing: b[(at + 46)..<(at + 46 + nameLength)]), as: UTF8.self)
                guard local + 30 <= cdOffset, u32(local) == 0x0403_4B50, let localName = u16(local + 26),
                    let localExtra = u16(local + 28)
                else { return nil }
                let start = local + 30 + localName + localExtra
                guard start + compressed <= cdOffset else { return nil }
                out.append(
                    Entry(
                        path: path, method: method, crc32: UInt32(crc), compressed: start..<(start + compressed),
                        uncompressedSize: uncompressed))
                at = next
            }
            return out
        }
        guard let parsed else { throw .damaged }
        for e in parsed where entries[e.path] == nil { entries[e.path] = e }
    }

    /// The entry's bytes; the output stops with `tooLarge` beyond `limit` bytes.
    func extract(_ entry: Entry, limit: Int) throws(Failure) -> Data {
        switch entry.method {
        case 0:
            guard entry.compressed.count <= limit else { throw .tooLarge }
            let out = data.subdata(
                in: (data.startIndex + entry.compressed.lowerBound)..<(data.startIndex + entry.compressed.upperBound))
            guard Self.crc(out) == entry.crc32 else { throw .damaged }
            return out
        case 8:
            let out = try inflate(entry, limit: limit)
            guard Self.crc(out) == entry.crc32 else { throw .damaged }
            return out
        default:
            throw .unsupported
        }
    }

    private func inflate(_ entry: Entry, limit: Int) throws(Failure) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged
        }
        defer { inflateEnd(&stream) }
        var out = Data()
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        let result: Result<Void, Failure> = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return .failure(.damaged) }
            let input = UnsafeMutableRawPointer(mutating: base).advanced(by: entry.compressed.lowerBound)
            stream.next_in = input.assumingMemoryBound(to: Bytef.self)
            stream.avail_in = uInt(entry.compressed.count)
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    return GuichetZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk - Int(stream.avail_out)
                if produced > 0 {
                    if out.count + produced > limit { return .failure(.tooLarge) }
                    out.append(contentsOf: buffer[0..<produced])
                }
                switch status {
                case Z_STREAM_END: return .success(())
                case Z_OK: continue
                case Z_BUF_ERROR where produced > 0: continue
                default: return .failure(.damaged)  // data error, or input used up before the stream's end
                }
            }
        }
        try result.get()
        return out
    }

    static func crc(_ d: Data) -> UInt32 {
        d.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return 0 }
            return UInt32(crc32(0, base.assumingMemoryBound(to: Bytef.self), uInt(raw.count)))
        }
    }
}
