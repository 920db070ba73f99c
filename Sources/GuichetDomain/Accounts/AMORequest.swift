import Foundation

/// The AMO account request of the AMO guide (« Demande de création de compte AMO »): the
/// company, its legal representative and its commercial contact, reviewed by an administrator.
public struct AMORequest: Codable, Sendable, Equatable {
    public var siret: String
    public var companyName: String
    public var department: String
    public var legalCivility: String
    public var legalUsageName: String
    public var legalBirthName: String
    public var legalBirthDate: String
    public var legalBirthCity: String
    public var contactName: String
    public var contactEmail: String
    public var contactPhone: String

    public init(
        siret: String, companyName: String, department: String, legalCivility: String, legalUsageName: String,
        legalBirthName: String, legalBirthDate: String, legalBirthCity: String, contactName: String,
        contactEmail: String, contactPhone: String
    ) {
        self.siret = siret
        self.companyName = companyName
        self.department = department
        self.legalCivility = legalCivility
        self.legalUsageName = legalUsageName
        self.legalBirthName = legalBirthName
        self.legalBirthDate = legalBirthDate
        self.legalBirthCity = legalBirthCity
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
    }

    public func encoded() -> String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self) }

    public static func decode(_ s: String) -> AMORequest {
        (try? JSONDecoder().decode(AMORequest.self, from: Data(s.utf8)))
            ?? AMORequest(
                siret: "", companyName: "", department: "", legalCivility: "", legalUsageName: "", legalBirthName: "",
                legalBirthDate: "", legalBirthCity: "", contactName: "", contactEmail: "", contactPhone: "")
    }
}
