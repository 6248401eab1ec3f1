//! Serialised forms of the data: the storage envelope and its migrations, backups, CSV and calendar files.
