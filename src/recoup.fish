# fish completion for recoup(1), a terminal coach for recovery routines.
# Installed as `recoup.fish` in fish's vendor_completions.d directory, where
# fish loads it the first time recoup is completed; or copy it to
# ~/.config/fish/completions/recoup.fish.
#
# The same as the bash completion: the options, with what each does;
# routine names (from `recoup --list`, with any --routine-dir and --config
# already on the line) for ROUTINE, --plan, --plain, --resume and --routine;
# YAML files for --check; files for --log and --config; directories for
# --routine-dir; csv and json for --export.  Nothing is offered for DATE,
# N or the NAME of --new.

# The routine names and titles of `recoup --list`, "name<TAB>title" a line,
# run with the --routine-dir and --config already on the command line.  A
# name is the file's name without .yaml and may hold spaces, so the name
# column is not split at one: the name is the longest start of the line,
# up to a space, that the line's path ends with as NAME.yaml (a broken
# routine's path is followed by ": why").  A name that starts with a dash
# (a file -rf.yaml) only with the argument "dashed" or after `--`: alone
# on the line getopt would read it as options.
function __recoup_routines
    set -l words (commandline -opc)
    set -l dashed $argv[1]
    __recoup_dashdash; and set dashed dashed
    set -l cmd (string replace -r '^~(?=/|$)' -- $HOME $words[1])
    set -l args
    set -l i 2
    while test $i -le (count $words)
        set -l w $words[$i]
        switch $w
            case --routine-dir --config
                set i (math $i + 1)
                test $i -le (count $words)
                and set -a args $w (string replace -r '^~(?=/|$)' -- $HOME $words[$i])
            case '--routine-dir=?*' '--config=?*'
                set -l v (string replace -r '^[^=]*=' '' -- $w)
                set -a args (string replace -r '=.*' '' -- $w) (string replace -r '^~(?=/|$)' -- $HOME $v)
        end
        set i (math $i + 1)
    end
    command $cmd $args --list 2>/dev/null | awk -v dashed="$dashed" '{
		id = ""
		for (i = 2; i <= length($0); i++)
			if (substr($0, i, 1) == " " && index(substr($0, i), "/" substr($0, 1, i - 1) ".yaml"))
				id = substr($0, 1, i - 1)
		if (id == "" || (id ~ /^-/ && dashed != "dashed"))
			next
		# a name shown with an escape (a newline, a tab, a byte outside
		# UTF-8: \n, \t, \xff) or a ? (a locale without UTF-8) is not
		# what is typed to name it: offered only when the path shown is a
		# file, so that its text is the name (a file back\slash.yaml);
		# written for fish, whose single quotes halve a double backslash
		if (id ~ /[\\\\?]/) {
			t = substr($0, length(id) + 1)
			if (!match(t, / +([0-9]+ steps?|-) +([0-9:]+|-)  /))
				next
			p = substr(t, RSTART + RLENGTH)
			p = substr(p, 1, index(p, "/" id ".yaml") + length(id) + 5)
			if ((getline junk < p) < 0)
				next
			close(p)
		}
		t = substr($0, length(id) + 1)
		sub(/^ +/, "", t)
		if (match(t, / +[0-9]+ steps? +[0-9:]+  /))
			t = substr(t, 1, RSTART - 1)
		else
			t = "(broken)"
		print id "\t" t
	}'
end

# Whether a `--` before the word being typed ends the options (one that
# is the value of --log and the like does not).
function __recoup_dashdash
    set -l words (commandline -opc)
    for i in (seq 2 (count $words))
        if test "$words[$i]" = --
            contains -- $words[(math $i - 1)] --log --config --routine-dir --routine --since --speed --export --new
            or return 0
        end
    end
    return 1
end

# What the words after the options are, by the command on the line: check
# (routine files), none (the command takes no word) or run (a routine).
function __recoup_mode
    set -l mode run
    for w in (commandline -opc)[2..-1]
        switch $w
            case --
                break
            case --check
                set mode check
            case --list --history --export '--export=*' --dump-config --checkin --due --schema --new '--new=*' --help -h --version -V
                set mode none
        end
    end
    echo $mode
end

# YAML files (.yaml, .yml) and directories, to get to them, for the word
# being typed; with a ~ as typed.
function __recoup_yaml
    set -l tok (commandline -ct | string unescape)
    set -l base (string replace -r '^~(?=/|$)' -- $HOME $tok)
    for f in $base*
        set -l shown $tok(string sub -s (math (string length -- $base) + 1) -- $f)
        if test -d $f
            echo $shown/
        else if string match -qr '\.ya?ml$' -- $f
            echo $shown
        end
    end
end

# A ROUTINE that is being typed as a path (a / in it, or . or ~ first).
function __recoup_routine_path
    string match -qr '/|^[.~]' -- (commandline -ct)
end

complete -c recoup -f

# the words after the options
complete -c recoup -n 'test (__recoup_mode) = check' -a '(__recoup_yaml)'
complete -c recoup -n 'test (__recoup_mode) = run; and not __recoup_routine_path' -a '(__recoup_routines)'
complete -c recoup -n 'test (__recoup_mode) = run; and __recoup_routine_path' -a '(__recoup_yaml)'

# commands
complete -c recoup -l list -d 'List the routines on the search path'
complete -c recoup -l check -d 'Validate routine files'
complete -c recoup -l plan -d 'Print the timeline of ROUTINE; nothing runs'
complete -c recoup -l why -d "With --plan: today's targets, explained from the log"
complete -c recoup -l history -d 'Summarise the session log'
complete -c recoup -l since -x -d 'Only sessions on or after DATE (YYYY-MM-DD)'
complete -c recoup -l routine -x -a '(__recoup_routines dashed)' -d 'Only sessions of this routine'
# (a NAME that starts with a dash, which fish would else take for an option)
complete -c recoup -n 'test "$(commandline -opc)[-1]" = --routine' -a '(__recoup_routines dashed)'
complete -c recoup -l practice -d 'Include practice (--speed) sessions'
complete -c recoup -l detail -d 'List every session, not the summary'
complete -c recoup -l export -x -a 'csv\t"Comma-separated values, a header first" json\t"One JSON object a line"' -d 'Write the log as data'
complete -c recoup -l plain -d 'A line-by-line session without curses'
complete -c recoup -l resume -d 'Go on with the last session that did not end complete'
complete -c recoup -l dump-config -d 'Print the effective settings as a config file'
complete -c recoup -l checkin -d 'The morning check-in: pain and stiffness, 0-10'
complete -c recoup -l due -d 'What the schedules ask for today, and what was missed'
complete -c recoup -l schema -d 'Print the routine format as a JSON Schema, for editors'
complete -c recoup -l new -x -d 'Write a commented starter routine NAME in your routine directory'

# options
complete -c recoup -l log -r -F -d 'Append the session log to FILE'
complete -c recoup -l no-log -d 'Do not write a session log'
complete -c recoup -l config -r -F -d 'Read settings from FILE'
complete -c recoup -l routine-dir -x -a '(__fish_complete_directories (commandline -ct))' -d 'Look for routines in DIR first'
complete -c recoup -l speed -x -d 'Practice mode: time runs N times faster (1-600)'
complete -c recoup -l no-color -d 'Do not use colours'
complete -c recoup -l speak -d 'Speak the cues'
complete -c recoup -s h -l help -d 'Show the help and exit'
complete -c recoup -s V -l version -d 'Show the version and exit'
