// RosterCheck
