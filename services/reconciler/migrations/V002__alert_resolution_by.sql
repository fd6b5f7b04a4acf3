-- Who resolved an alert (the console's or mlctl's operator); `resolution` says why.
ALTER TABLE alerts ADD COLUMN resolved_by text;
