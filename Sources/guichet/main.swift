import Foundation
import GuichetApp

exit(await GuichetMain.run())
