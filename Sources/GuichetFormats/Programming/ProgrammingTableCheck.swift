import Foundation
import GuichetDomain

/// Reading and checking an uploaded programming table, the one path used by the upload and by
/// `guichet ami check`: the file is read (sheet XML parsed), then every row is checked. Progress
/// is reported in thousandths of the whole job, with a French line of detail.
public enum ProgrammingTableCheck {
    public struct Progress: Sendable, Equatable {
        /// 0…1000: reading is the first half, checking the second.
        public let permille: Int
        public let detail: String
    }

    public static func run(
        _ data: Data, limits: XLSXReader.Limits, year: Int, department: String?, reference: some CommuneLookup,
        progress: ((Progress) -> Void)? = nil
    ) throws(XLSXReader.Failure) -> ProgrammingTable.Result {
        progress?(Progress(permille: 0, detail: "Lecture du fichier (\(FrenchFormat.integer(data.count / 1024)) Ko)"))
        let wanted: Set<String> = [ProgrammingTable.sheetName, ProgrammingTable.synthesisSheetName]
        let workbook = try XLSXReader(limits: limits).read(data, sheetsToRead: wanted) { sheet, done, total in
            guard sheet == ProgrammingTable.sheetName, total > 0 else { return }
            progress?(
                Progress(
                    permille: done * 500 / total,
                    detail:
                        "Lecture de la feuille Programmation : \(FrenchFormat.integer(done / 1024)) Ko sur "
                        + "\(FrenchFormat.integer(total / 1024)) Ko"
                ))
        }
        return ProgrammingTable.read(workbook, year: year, department: department, reference: reference) {
            done, total in
            progress?(
                Progress(
                    permille: 500 + (total > 0 ? done * 500 / total : 0),
                    detail: "Contrôle des lignes : \(FrenchFormat.integer(done)) sur \(FrenchFormat.integer(total))"))
        }
    }
}
