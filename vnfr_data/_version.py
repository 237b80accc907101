"""Version of the package and of the data it ships: one number for both.

Data versioning follows the Frictionless data-package-version recipe:
major = a schema break, minor = data added, patch = corrections.
"""

__version__ = "1.0.0"
#: Date the data of this version was released; it is the descriptor's `created`
#: so that a rebuild of the same inputs is byte-identical.
RELEASE_DATE = "2026-12-02"
