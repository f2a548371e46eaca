# tests/wstat.pl PIDFILE CMD...: run CMD, write its pid to PIDFILE, then
# print its raw wait status as "wstat=N": a death by signal N alone is N
# (N+128 with a core), an exit status X is X*256.  Tests tell a program
# that died of a signal from one that exited 128+N with it.
my $f = shift;
my $p = fork;
if (!$p) { exec @ARGV or exit 127 }
open my $fh, '>', $f or die; print $fh "$p\n"; close $fh;
waitpid $p, 0;
print "wstat=$?\n";
