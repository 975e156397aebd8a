// The sshd messages the codec knows by heart (OpenSSH 5.x-9.x, PAM, the
// forms fail2ban's filters list). Order matters: the first template that
// matches a message wins, so specific forms come before general ones.
// Appending is a format change (ids are positions): bump kFormatVersion.
//
// Slots: U user, A address (IPv4/IPv6/host name), P port, N number, T text.
// A " [preauth]" suffix and an "error: " / "fatal: " prefix are stripped
// before matching, so they are not part of these templates.
#include "builtin_patterns.hpp"

#define U "\x01" "U"
#define A "\x01" "A"
#define P "\x01" "P"
#define N "\x01" "N"
#define T "\x01" "T"

namespace at1::ssh {

const char* const kBuiltinPatterns[] = {
    // Authentication results.
    "Failed password for invalid user " U " from " A " port " P " ssh2",
    "Failed password for " U " from " A " port " P " ssh2",
    "Failed none for invalid user " U " from " A " port " P " ssh2",
    "Failed " T " for invalid user " U " from " A " port " P " ssh2",
    "Failed " T " for " U " from " A " port " P " ssh2",
    "Failed " T " for invalid user " U " from " A " port " P " ssh2: " T,
    "Failed " T " for " U " from " A " port " P " ssh2: " T,
    "Failed " T " for invalid user " U " from " A " port " P,
    "Failed " T " for " U " from " A " port " P,
    "Failed " T " for invalid user " U " from " A,
    "Failed " T " for " U " from " A,
    "Accepted password for " U " from " A " port " P " ssh2",
    "Accepted publickey for " U " from " A " port " P " ssh2: " T,
    "Accepted " T " for " U " from " A " port " P " ssh2",
    "Accepted " T " for " U " from " A " port " P " ssh2: " T,
    "Postponed " T " for invalid user " U " from " A " port " P " ssh2",
    "Postponed " T " for " U " from " A " port " P " ssh2",
    "Invalid user " U " from " A " port " P,
    "Invalid user " U " from " A,
    "input_userauth_request: invalid user " U,
    "User " U " from " A " not allowed because " T,
    "User " U " not allowed because " T,
    "maximum authentication attempts exceeded for invalid user " U " from " A " port " P " ssh2",
    "maximum authentication attempts exceeded for " U " from " A " port " P " ssh2",
    "Disconnecting: Too many authentication failures for " U,
    "Disconnecting invalid user " U " " A " port " P ": " T,
    "Disconnecting authenticating user " U " " A " port " P ": " T,
    "ROOT LOGIN REFUSED FROM " A " port " P,
    "ROOT LOGIN REFUSED FROM " A,
    "PAM: Authentication failure for " U " from " A,
    "PAM: " T " for " U " from " A " via " A,
    "PAM: " T " for illegal user " U " from " A,
    "PAM: " T " for " U " from " A,
    // Connections and disconnections.
    "Connection closed by authenticating user " U " " A " port " P,
    "Connection closed by invalid user " U " " A " port " P,
    "Connection closed by " A " port " P,
    "Connection closed by " A,
    "Connection reset by authenticating user " U " " A " port " P,
    "Connection reset by invalid user " U " " A " port " P,
    "Connection reset by " A " port " P,
    "Connection reset by " A,
    "Disconnected from user " U " " A " port " P,
    "Disconnected from authenticating user " U " " A " port " P,
    "Disconnected from invalid user " U " " A " port " P,
    "Disconnected from " A " port " P,
    "Received disconnect from " A ": " N ": " T,
    "Received disconnect from " A " port " P ":" N ": " T,
    "Did not receive identification string from " A " port " P,
    "Did not receive identification string from " A,
    "Connection from " A " port " P " on " A " port " P " rdomain " T,
    "Connection from " A " port " P " on " A " port " P,
    "Connection from " A " port " P,
    "Connection from " A,
    "Timeout, client not responding from user " U " " A " port " P,
    "Timeout, client not responding from " A " port " P,
    "Timeout before authentication for connection from " A " to " A ", pid = " N,
    "Timeout before authentication for " A " port " P,
    "drop connection #" N " from [" A "]:" P " on [" A "]:" P " " T,
    "Closing connection to " A " port " P,
    "ssh_dispatch_run_fatal: Connection from " A " port " P ": " T,
    "ssh_dispatch_run_fatal: Connection from user " U " " A " port " P ": " T,
    "Protocol major versions differ for " A " port " P ": " T,
    "User child is on pid " N,
    "Transferred: sent " N ", received " N " bytes",
    "Unable to negotiate with " A " port " P ": " T,
    "Bad protocol version identification " T " from " A " port " P,
    "Bad protocol version identification " T " from " A,
    "banner exchange: Connection from " A " port " P ": " T,
    "kex_exchange_identification: " T,
    "Server listening on " A " port " P ".",
    "Received signal " N "; terminating.",
    "message repeated " N " times: [ " T "]",
    // PAM.
    "pam_unix(sshd:auth): check pass; user unknown",
    "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=" A "  user=" U,
    "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=" A " ",
    "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=" A,
    "pam_unix(sshd:auth): authentication failure; logname=" U " uid=" N " euid=" N " tty=" U " ruser=" U " rhost=" A "  user=" U,
    "pam_unix(sshd:auth): authentication failure; logname=" U " uid=" N " euid=" N " tty=" U " ruser=" U " rhost=" A,
    "PAM " N " more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=" A "  user=" U,
    "PAM " N " more authentication " T "; logname= uid=0 euid=0 tty=ssh ruser= rhost=" A "  user=" U,
    "PAM " N " more authentication " T "; logname= uid=0 euid=0 tty=ssh ruser= rhost=" A " ",
    "PAM " N " more authentication " T "; logname= uid=0 euid=0 tty=ssh ruser= rhost=" A,
    "PAM service(sshd) ignoring max retries; " N " > " N,
    "pam_unix(sshd:session): session opened for user " U "(uid=" N ") by (uid=" N ")",
    "pam_unix(sshd:session): session opened for user " U " by (uid=" N ")",
    "pam_unix(sshd:session): session opened for user " U " by " U "(uid=" N ")",
    "pam_unix(sshd:session): session closed for user " U,
    "pam_unix(sshd:session): session opened for user " U "(uid=" N ") by " U "(uid=" N ")",
    // Neighbours of sshd in auth.log: PAM sessions of other services, logind, sudo.
    "pam_unix(" T ":session): session opened for user " U "(uid=" N ") by (uid=" N ")",
    "pam_unix(" T ":session): session opened for user " U "(uid=" N ") by " U "(uid=" N ")",
    "pam_unix(" T ":session): session opened for user " U " by (uid=" N ")",
    "pam_unix(" T ":session): session opened for user " U " by " U "(uid=" N ")",
    "pam_unix(" T ":session): session closed for user " U,
    "pam_unix(" T ":auth): authentication failure; logname=" U " uid=" N " euid=" N " tty=" U " ruser=" U " rhost=" A "  user=" U,
    "pam_unix(" T ":auth): authentication failure; logname=" U " uid=" N " euid=" N " tty=" U " ruser=" U " rhost=  user=" U,
    "New session " N " of user " U ".",
    "New session " T " of user " U ".",
    "Removed session " N ".",
    "Removed session " T ".",
    "Session " N " logged out. Waiting for processes to exit.",
    "  " U " : TTY=" T " ; PWD=" T " ; USER=" U " ; COMMAND=" T,
    // Name resolution.
    "reverse mapping checking getaddrinfo for " A " [" A "] failed - POSSIBLE BREAK-IN ATTEMPT!",
    "reverse mapping checking getaddrinfo for " A " [" A "] failed.",
    "Address " A " maps to " A ", but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!",
    "Address " A " maps to " A ", but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT",
    "Address " A " maps to " A ", but this does not map back to the address.",
    "Nasty PTR record \"" A "\" is set up for " A ", ignoring",
    // Sessions.
    "Starting session: " T " for " U " from " A " port " P " id " N,
    "Close session: user " U " from " A " port " P " id " N,
    "subsystem request for " T " by user " U,
    "Read from socket failed: Connection reset by peer",
    "Write failed: Connection reset by peer",
};

const size_t kBuiltinCount = sizeof(kBuiltinPatterns) / sizeof(kBuiltinPatterns[0]);

}  // namespace at1::ssh
