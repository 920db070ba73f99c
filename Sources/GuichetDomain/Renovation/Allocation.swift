/// Sharing an amount in proportion to weights so that the shares add up to the cent.
public enum Allocation {
    /// `RENO-F3`: when the works are capped, each company gets total × weight / Σweights,
    /// rounded down; the remaining cents go one by one to the largest remainders, ties to the
    /// company entered first. When `total` covers every weight, each gets its weight.
    public static func largestRemainder(total: Money, weights: [Money]) -> [Money] {
        let sum = weights.sum()
        guard sum.cents > 0 else { return weights.map { _ in .zero } }
        if total >= sum { return weights }
        var shares: [Int64] = []
        var remainders: [(index: Int, remainder: Int64)] = []
        shares.reserveCapacity(weights.count)
        for (i, w) in weights.enumerated() {
            // total < sum ≤ 2^53 cents in practice; the product fits in Int64 for amounts below 3·10^9 €.
            let (q, r) = (total.cents * w.cents).quotientAndRemainder(dividingBy: sum.cents)
            shares.append(q)
            remainders.append((i, r))
        }
        var left = total.cents - shares.reduce(0, +)
        remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
        var k = 0
        while left > 0 {
            shares[remainders[k].index] += 1
            left -= 1
            k += 1
        }
        return shares.map { Money(cents: $0) }
    }
}
