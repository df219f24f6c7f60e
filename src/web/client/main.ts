// Client entry: reads the page name from the shell and draws it.
const page = document.body.dataset.page ?? 'queue';
const main = document.getElementById('main');
if (main) main.textContent = `Defuse desk: ${page}`;
