/// `P-AMO`: AMO fee caps (TTC) for the four cases of the AMO guide's FAQ.
public struct AmoCaps: Sendable, Hashable {
    public let ownerOccupierAlone: Money  // case 1
    public let ownerOccupierWithAid: Money  // case 2
    public let landlordAlone: Money  // case 3
    public let landlordWithAid: Money  // case 4
    public init(_ c1: Money, _ c2: Money, _ c3: Money, _ c4: Money) {
        ownerOccupierAlone = c1
        ownerOccupierWithAid = c2
        landlordAlone = c3
        landlordWithAid = c4
    }
    public func cap(case number: Int) -> Money {
        switch number {
        case 1: ownerOccupierAlone
        case 2: ownerOccupierWithAid
        case 3: landlordAlone
        default: landlordWithAid
        }
    }
}
