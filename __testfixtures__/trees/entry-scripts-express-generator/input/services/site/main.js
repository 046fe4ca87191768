const result = document.getElementById('result');

async function load() {
  const response = await fetch('/api/items');
  result.textContent = await response.text();
}

load();
