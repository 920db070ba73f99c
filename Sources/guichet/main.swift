import GuichetApp
import Foundation

exit(await GuichetMain.run())
