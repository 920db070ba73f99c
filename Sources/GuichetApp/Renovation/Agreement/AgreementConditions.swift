import GuichetFormats

/// The general conditions annexed to every agreement (issue #13): what the parties owe each
/// other beyond the figures — checks, repayment, data, disputes. Worded from the programme's rules
/// (`RULES.md`), cited by their identifiers.
enum AgreementConditions {
    static let articles: [(String, [String])] = [
        (
            "Objet",
            [
                "La présente convention fixe les conditions dans lesquelles Action Logement Services accorde au "
                    + "bénéficiaire une aide à la rénovation énergétique de son logement, versée directement aux "
                    + "entreprises de travaux et à l'assistant à maîtrise d'ouvrage désignés (paiement à des tiers)."
            ]
        ),
        (
            "Durée",
            [
                "La convention prend effet à sa signature par le bénéficiaire. Les factures sont déposées dans l'année "
                    + "qui suit la signature (RENO-V4) ; passé ce délai, le solde non versé de l'aide est annulé de "
                    + "plein droit, sauf prolongation accordée par écrit par Action Logement."
            ]
        ),
        (
            "Travaux financés",
            [
                "Seuls les travaux décrits au plan de financement validé, réalisés par les entreprises désignées, sont "
                    + "financés. Les travaux de rénovation énergétique sont réalisés par des entreprises titulaires de "
                    + "la qualification RGE pour les travaux principaux (RENO-E11).",
                "Aucune entreprise ne peut être remplacée ni ajoutée après la signature (RENO-C) : un changement "
                    + "d'entreprise impose l'annulation de la convention et le dépôt d'un nouveau dossier.",
            ]
        ),
        (
            "Versements",
            [
                "Chaque versement est demandé sur le Guichet, facture à l'appui. Action Logement vérifie la facture "
                    + "(date, montant, entreprise) avant de la payer ; le total versé à une entreprise ne dépasse "
                    + "jamais l'aide qui lui est accordée (RENO-V3).",
                "Les versements sont libérés par un instructeur et une seconde personne (RENO-V7) et payés par "
                    + "virement sur le compte de l'entreprise dont le relevé d'identité bancaire figure au dossier.",
                "La dernière facture d'une entreprise porte le procès-verbal de fin de travaux signé « Bon pour "
                    + "accord » par le bénéficiaire ; « Terminer les versements » pour une entreprise est définitif "
                    + "(RENO-V5).",
            ]
        ),
        (
            "Contrôles",
            [
                "Le bénéficiaire autorise Action Logement, ou toute personne mandatée par elle, à vérifier sur pièces "
                    + "et sur place la réalité et la conformité des travaux financés, pendant les travaux et dans les "
                    + "trois ans qui suivent le dernier versement.",
                "Le bénéficiaire conserve les factures, devis et procès-verbaux pendant cette durée et les communique "
                    + "à première demande.",
            ]
        ),
        (
            "Certificats d'économies d'énergie",
            [
                "Les certificats d'économies d'énergie attachés aux travaux financés sont réservés à Action "
                    + "Logement. Le bénéficiaire s'interdit de les valoriser auprès d'un autre organisme et signe, le "
                    + "cas échéant, les attestations nécessaires à leur dépôt."
            ]
        ),
        (
            "Remboursement",
            [
                "L'aide versée est remboursée, en tout ou partie, si les travaux ne sont pas réalisés, s'ils ne sont "
                    + "pas conformes au plan validé, si une déclaration du dossier se révèle inexacte, ou si le "
                    + "bénéficiaire manque à l'un de ses engagements.",
                "Le remboursement est demandé par lettre recommandée ; le bénéficiaire peut présenter ses observations "
                    + "dans un délai d'un mois.",
            ]
        ),
        (
            "Prêt",
            [
                "Lorsque le plan comprend un prêt, l'offre de prêt annexée en fixe le montant, la durée, le différé et "
                    + "le taux : celui du Livret A au 31 décembre de l'année précédant l'offre, avec un plancher de "
                    + "1 % (RENO-F7, P-L-RATE). Le tableau d'amortissement (RENO-F8) est établi à la date de l'offre."
            ]
        ),
        (
            "Données personnelles",
            [
                "Les données du dossier sont traitées par Action Logement Services pour l'instruction de l'aide, son "
                    + "paiement et son contrôle, sur le fondement de l'exécution de la présente convention. Elles sont "
                    + "conservées pendant la durée de la convention puis archivées dix ans.",
                "Le bénéficiaire dispose d'un droit d'accès, de rectification et de limitation, qu'il exerce auprès du "
                    + "délégué à la protection des données indiqué sur le Guichet (page « Données personnelles »).",
            ]
        ),
        (
            "Signature électronique et preuve",
            [
                "La convention est signée électroniquement par le bénéficiaire au moyen d'un code à usage unique. Le "
                    + "fichier de preuve (empreinte du document, consultation, acceptation des conditions, envoi et "
                    + "vérification du code, signature, avec leurs dates, adresses IP et navigateurs) est conservé et "
                    + "fait foi entre les parties."
            ]
        ),
        (
            "Litiges",
            [
                "Les parties recherchent d'abord une solution amiable. À défaut, le litige est porté devant le "
                    + "tribunal judiciaire du lieu de situation du logement. La convention est régie par le droit "
                    + "français."
            ]
        ),
    ]

    static var blocks: [PDFWriter.Block] {
        var out: [PDFWriter.Block] = [.heading("Annexe – Conditions générales")]
        for (n, (title, paragraphs)) in articles.enumerated() {
            out.append(.paragraph("Article CG-\(n + 1) – \(title)"))
            out += paragraphs.map { .paragraph($0) }
        }
        return out
    }
}
