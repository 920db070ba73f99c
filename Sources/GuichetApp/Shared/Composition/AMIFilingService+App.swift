import Vapor

extension AMIFilingService {
    /// The service with the application's database, clock, outbox and reference data.
    init(app: Application) {
        let departments = app.referenceData.departments
        self.init(
            db: app.db, clock: app.clock, notifier: app.notifier, files: app.files,
            departmentName: { departments[$0]?.name ?? "" }, jobs: app.jobRunner())
    }
}
